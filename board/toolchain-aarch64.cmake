# Cross-compiling for 64-bit Raspberry Pi OS / Debian arm64 (Pi 4 and 5): g++-aarch64-linux-gnu,
# the :arm64 libraries, qemu-aarch64. See debian-cross.cmake.
set(FLYTTHIT_CROSS_TRIPLET aarch64-linux-gnu)
set(FLYTTHIT_CROSS_PROCESSOR aarch64)
set(FLYTTHIT_DEB_ARCH arm64)
set(FLYTTHIT_QEMU qemu-aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
