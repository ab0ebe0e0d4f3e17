// A list of choices a visitor builds by tapping (municipalities, topics): whether a value is
// in it, and a chip's tap that adds it or takes it out again.
#pragma once

#include <algorithm>
#include <vector>

namespace flytthit {

template <class T>
bool contains(const std::vector<T>& values, const T& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

template <class T>
void toggle(std::vector<T>& values, const T& value) {
    const auto found = std::find(values.begin(), values.end(), value);
    if (found == values.end()) values.push_back(value);
    else values.erase(found);
}

}  // namespace flytthit
