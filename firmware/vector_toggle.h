// Adds value to a list of choices, or removes it when it is there: a chip's tap.
#pragma once

#include <algorithm>
#include <vector>

namespace flytthit {

template <class T>
void toggle(std::vector<T>& values, const T& value) {
    const auto found = std::find(values.begin(), values.end(), value);
    if (found == values.end()) values.push_back(value);
    else values.erase(found);
}

}  // namespace flytthit
