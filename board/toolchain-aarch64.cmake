# Cross-compiling for 64-bit Raspberry Pi OS / Debian arm64 with Debian's own cross compiler
# (g++-aarch64-linux-gnu) and the :arm64 libraries installed through multiarch
# (dpkg --add-architecture arm64). Programs built here run on this machine under qemu-user,
# which CTest uses for every test through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# pkg-config must see the arm64 .pc files only (plus the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
# The arm64 dynamic loader and libraries live in the multiarch paths under /.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /)
set(FLYTTHIT_DEB_ARCH arm64)
