# Cross-compiling for 32-bit Raspberry Pi OS / Debian armhf (older boards) with Debian's own cross compiler
# (g++-arm-linux-gnueabihf) and the :armhf libraries installed through multiarch
# (dpkg --add-architecture armhf). Programs built here run on this machine under qemu-user,
# which CTest uses for every test through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR armv7l)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
set(CMAKE_LIBRARY_ARCHITECTURE arm-linux-gnueabihf)
# pkg-config must see the armhf .pc files only (plus the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/arm-linux-gnueabihf/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
# The armhf dynamic loader and libraries live in the multiarch paths under /.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L /)
set(FLYTTHIT_DEB_ARCH armhf)
