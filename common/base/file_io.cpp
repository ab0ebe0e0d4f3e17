// Atomic file writes; see file_io.h.
#include "common/base/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace flytthit {

namespace {

Status errno_error(const std::string& what) { return make_error(what + ": " + std::strerror(errno)); }

}  // namespace

Status write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return errno_error("creating " + temporary.string());
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const auto error = errno_error("writing " + temporary.string());
            ::close(fd);
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const auto error = errno_error("syncing " + temporary.string());
        ::close(fd);
        return error;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path.c_str()) != 0) return errno_error("renaming to " + path.string());
    const int dir = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);  // the rename itself must reach the disk
        ::close(dir);
    }
    return ok_status();
}

Result<std::string> read_file_limited(const std::filesystem::path& path, std::size_t limit) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return make_error(path.string() + ": " + error.message());
    if (size > limit) return make_error(path.string() + ": larger than " + std::to_string(limit) + " bytes");
    std::ifstream file(path, std::ios::binary);
    if (!file) return make_error(path.string() + ": cannot open");
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace flytthit
