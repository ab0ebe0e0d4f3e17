// Result<T>: a value or an Error that says what failed and where. The core returns these
// instead of throwing, so every caller has to look at the error (house rule 5).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace flytthit {

// What kind of failure an error is, so that callers decide by kind (retry, tell staff, move
// a damaged store aside), never by matching message text. SQLite's isFatalError idea.
enum class ErrorKind {
    failed,         // anything not classified below: report it, do not retry blindly
    transient,      // a network that may come back, a busy database, a timeout: retry later
    bad_input,      // what was given is wrong (a file, a request, a field); retrying the same fails
    damaged_store,  // stored data cannot be read as it must be
    not_permitted,  // authentication or authorisation refused, a locked PIN pad
    unavailable,    // a needed thing is not there: not paired, no stick mounted, disk full
};

// A short English name for logs and tests: "transient", "bad input", ...
inline const char* error_kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::failed: return "failed";
        case ErrorKind::transient: return "transient";
        case ErrorKind::bad_input: return "bad input";
        case ErrorKind::damaged_store: return "damaged store";
        case ErrorKind::not_permitted: return "not permitted";
        case ErrorKind::unavailable: return "unavailable";
    }
    return "failed";
}

// What went wrong, with enough context for a person to act on it:
// "content/fjellregionen/manifest.json: municipalities[3].name: missing".
struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::failed;
};

inline Error make_error(std::string message, ErrorKind kind = ErrorKind::failed) { return Error{std::move(message), kind}; }

// Adds context in front of an error as it travels up: "opening leads.db: disk I/O error".
// The kind travels with it.
inline Error with_context(const std::string& context, const Error& inner) {
    return Error{context + ": " + inner.message, inner.kind};
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
