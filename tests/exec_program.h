// Starting a program from a forked test or benchmark process. A program path may lead with
// the emulator a cross build runs its programs under ("qemu-aarch64 -L / /build/flytthit-register"):
// the tests and bench/ use this one function, so both run the same natively and under qemu-user.
#pragma once

#include <unistd.h>

#include <sstream>
#include <string>
#include <vector>

namespace flytthit::test {

// Replaces this process with argv; the words of argv[0] become the first arguments. Returns
// only when exec failed.
inline void exec_program(const std::vector<std::string>& argv) {
    std::vector<std::string> words;
    std::istringstream first(argv.at(0));
    for (std::string word; first >> word;) words.push_back(word);
    words.insert(words.end(), argv.begin() + 1, argv.end());
    std::vector<char*> args;
    for (auto& word : words) args.push_back(word.data());
    args.push_back(nullptr);
    execvp(args[0], args.data());
}

}  // namespace flytthit::test
