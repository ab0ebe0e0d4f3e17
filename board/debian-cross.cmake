# What every Debian cross toolchain file here shares: Debian's own cross compiler for
# FLYTTHIT_CROSS_TRIPLET, the target's libraries installed through multiarch
# (dpkg --add-architecture FLYTTHIT_DEB_ARCH), and qemu-user (FLYTTHIT_QEMU) to run what is
# built, which CTest uses for every test through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${FLYTTHIT_CROSS_PROCESSOR})
set(CMAKE_C_COMPILER ${FLYTTHIT_CROSS_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${FLYTTHIT_CROSS_TRIPLET}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${FLYTTHIT_CROSS_TRIPLET})
# pkg-config must see the target's .pc files only (plus the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/${FLYTTHIT_CROSS_TRIPLET}/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
# The target's dynamic loader and libraries live in the multiarch paths under /.
set(CMAKE_CROSSCOMPILING_EMULATOR ${FLYTTHIT_QEMU} -L /)
