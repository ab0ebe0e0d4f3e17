// Atomic file writes; see file_io.h.
#include "common/base/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace flytthit {

ErrorKind errno_kind(int error_number) {
    switch (error_number) {
        case ENOSPC:
        case EFBIG:
        case EDQUOT:
        case ENODEV:
        case ENXIO:
        case ENOENT: return ErrorKind::unavailable;
        case EACCES:
        case EPERM:
        case EROFS: return ErrorKind::not_permitted;
        default: return ErrorKind::failed;
    }
}

Error errno_error(const std::string& what, int error_number) {
    return make_error(what + ": " + std::strerror(error_number), errno_kind(error_number));
}

Status write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        const int failure = errno;  // before the message is built
        return errno_error("creating " + temporary.string(), failure);
    }
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int failure = errno;
            const auto error = errno_error("writing " + temporary.string(), failure);
            ::close(fd);
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int failure = errno;
        const auto error = errno_error("syncing " + temporary.string(), failure);
        ::close(fd);
        return error;
    }
    if (::close(fd) != 0) {
        const int failure = errno;
        return errno_error("closing " + temporary.string(), failure);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int failure = errno;
        return errno_error("renaming to " + path.string(), failure);
    }
    // The rename itself must reach the disk: until the directory is synced, a power cut may
    // bring back the old file, so a failure here is the write's failure.
    const std::filesystem::path directory = path.parent_path().empty() ? "." : path.parent_path();
    const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        const int failure = errno;
        return errno_error("opening " + directory.string() + " to sync the rename", failure);
    }
    if (::fsync(dir) != 0) {
        const int failure = errno;
        const auto error = errno_error("syncing " + directory.string(), failure);
        ::close(dir);
        return error;
    }
    ::close(dir);
    return ok_status();
}

Result<std::string> read_file_limited(const std::filesystem::path& path, std::size_t limit) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return errno_error(path.string(), error.value());
    if (size > limit) return make_error(path.string() + ": larger than " + std::to_string(limit) + " bytes");
    std::ifstream file(path, std::ios::binary);
    if (!file) return make_error(path.string() + ": cannot open");
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace flytthit
