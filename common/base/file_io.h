// Files written so that a power cut leaves either the old file or the new one, never half.
#pragma once

#include "common/base/result.h"

#include <filesystem>
#include <string>

namespace flytthit {

// The kind of a failure the system reported with errno: no room or nothing there (ENOSPC,
// EFBIG, EDQUOT, ENODEV, ENOENT, ENXIO) is unavailable; EACCES, EPERM and EROFS are not
// permitted; anything else failed.
ErrorKind errno_kind(int error_number);
// "what: strerror(error_number)", classified by errno_kind.
Error errno_error(const std::string& what, int error_number);

// Writes text to path atomically: a temporary file beside it, fsync, rename over path, fsync
// of the directory. mode applies to the new file (0600 for secrets).
Status write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode);

// Reads a whole file, refusing one larger than limit bytes. One read into a string sized
// from fstat: the kiosk's start reads the font cache and the fonts (megabytes) with it, and
// copying them through a stringstream was about a tenth of that start's CPU (issue 18).
Result<std::string> read_file_limited(const std::filesystem::path& path, std::size_t limit);

// The descriptor of a file opened with ::open, closed on every way out. close() closes it
// now, for a caller whose write is not done until close says so.
class OpenFile {
public:
    explicit OpenFile(int fd) : fd_(fd) {}
    ~OpenFile();
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int fd() const { return fd_; }
    bool is_open() const { return fd_ >= 0; }
    // ::close's result (0, or -1 with errno set); the descriptor is gone either way.
    int close();

private:
    int fd_;
};

}  // namespace flytthit
