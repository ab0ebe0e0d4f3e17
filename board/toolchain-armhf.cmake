# Cross-compiling for 32-bit Raspberry Pi OS / Debian armhf (older boards):
# g++-arm-linux-gnueabihf, the :armhf libraries, qemu-arm. See debian-cross.cmake.
# Written like the arm64 one, but not yet built and tested.
set(FLYTTHIT_CROSS_TRIPLET arm-linux-gnueabihf)
set(FLYTTHIT_CROSS_PROCESSOR armv7l)
set(FLYTTHIT_DEB_ARCH armhf)
set(FLYTTHIT_QEMU qemu-arm)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
