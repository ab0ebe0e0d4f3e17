// Atomic file writes; see file_io.h.
#include "common/base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

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

OpenFile::~OpenFile() {
    if (fd_ >= 0) ::close(fd_);
}

int OpenFile::close() {
    const int result = ::close(fd_);
    fd_ = -1;  // closed even when close failed: retrying it could close another's descriptor
    return result;
}

Status write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    OpenFile file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
    if (!file.is_open()) {
        const int failure = errno;  // before the message is built
        return errno_error("creating " + temporary.string(), failure);
    }
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(file.fd(), text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int failure = errno;
            return errno_error("writing " + temporary.string(), failure);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd()) != 0) {
        const int failure = errno;
        return errno_error("syncing " + temporary.string(), failure);
    }
    if (file.close() != 0) {
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
    const OpenFile dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.is_open()) {
        const int failure = errno;
        return errno_error("opening " + directory.string() + " to sync the rename", failure);
    }
    if (::fsync(dir.fd()) != 0) {
        const int failure = errno;
        return errno_error("syncing " + directory.string(), failure);
    }
    return ok_status();
}

Result<std::string> read_file_limited(const std::filesystem::path& path, std::size_t limit) {
    const OpenFile file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.is_open()) {
        const int failure = errno;
        return errno_error(path.string(), failure);
    }
    struct stat status {};
    if (::fstat(file.fd(), &status) != 0) {
        const int failure = errno;
        return errno_error(path.string(), failure);
    }
    const auto too_large = [&] { return make_error(path.string() + ": larger than " + std::to_string(limit) + " bytes"); };
    if (static_cast<std::size_t>(status.st_size) > limit) return too_large();
    // Sized from fstat, plus one byte to see a file that grew since (or reports no size, as
    // /proc's do): read until end of file, refusing it once it passes the limit. Filled to
    // limit + 1 means past it; a read that ends the file always had room, so filled <= limit.
    std::string text(static_cast<std::size_t>(status.st_size) + 1, '\0');
    std::size_t filled = 0;
    while (true) {
        if (filled == text.size()) {
            if (filled > limit) return too_large();
            text.resize(std::min(limit + 1, text.size() * 2));
        }
        const ssize_t n = ::read(file.fd(), text.data() + filled, text.size() - filled);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int failure = errno;
            return errno_error("reading " + path.string(), failure);
        }
        if (n == 0) break;
        filled += static_cast<std::size_t>(n);
    }
    text.resize(filled);
    return text;
}

}  // namespace flytthit
