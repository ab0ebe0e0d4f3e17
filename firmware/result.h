// Result<T>: a value or an Error that says what failed and where. The core returns these
// instead of throwing, so every caller has to look at the error (house rule 5).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace flytthit {

// What went wrong, with enough context for a person to act on it:
// "content/fjellregionen/manifest.json: municipalities[3].name: missing".
struct Error {
    std::string message;
};

inline Error make_error(std::string message) { return Error{std::move(message)}; }

// Adds context in front of an error as it travels up: "opening leads.db: disk I/O error".
inline Error with_context(const std::string& context, const Error& inner) {
    return Error{context + ": " + inner.message};
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

// For operations that return nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace flytthit
