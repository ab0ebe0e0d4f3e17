# Debian packages (CPack DEB): flytthit-kiosk (the kiosk, kioskctl, the built-in content, the
# systemd unit, a default config and the maintainer scripts) and flytthit-register. Library
# dependencies come from dpkg-shlibdeps; the architecture from dpkg, or from the cross
# toolchain file (FLYTTHIT_DEB_ARCH, set in the top CMakeLists.txt). Build them with board/package.
set(FLYTTHIT_BOARD_DIR ${CMAKE_CURRENT_SOURCE_DIR}/board)

install(FILES ${FLYTTHIT_BOARD_DIR}/systemd/flytthit-kiosk.service DESTINATION lib/systemd/system COMPONENT kiosk)
install(FILES ${FLYTTHIT_BOARD_DIR}/systemd/kiosk.env DESTINATION /etc/flytthit-kiosk COMPONENT kiosk)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/board/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME flytthit)
set(CPACK_PACKAGE_VENDOR "Fjellregionen")
set(CPACK_PACKAGE_CONTACT "Flytthit kiosk developers")  # no address invented; set the real one before publishing
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk register)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${FLYTTHIT_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)  # the board needs no debug symbols; the build tree keeps them
set(CPACK_DEBIAN_PACKAGE_SECTION misc)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME flytthit-kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Flytthit touch kiosk for Fjellregionen's fair stand
 The visitor's touch UI (SDL2 + Dear ImGui, KMSDRM on the board) and flytthit-kioskctl, with
 the built-in Fjellregionen content pack and a systemd unit that boots straight into it.")
# Fonts and adduser are not libraries, so dpkg-shlibdeps cannot find them.
# tzdata: staff screens show the time in the unit's TZ (Europe/Oslo), with its summer time.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "fonts-dejavu-core, adduser, tzdata")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${FLYTTHIT_BOARD_DIR}/debian/kiosk/postinst ${FLYTTHIT_BOARD_DIR}/debian/kiosk/prerm
    ${FLYTTHIT_BOARD_DIR}/debian/kiosk/postrm ${FLYTTHIT_BOARD_DIR}/debian/kiosk/conffiles)
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_REGISTER_PACKAGE_NAME flytthit-register)
set(CPACK_COMPONENT_REGISTER_DESCRIPTION "Flytthit host register
 The region's server the kiosks sync their leads to, routing each to the host of every
 municipality it names, exactly once.")
install(FILES ${FLYTTHIT_BOARD_DIR}/systemd/flytthit-register.service DESTINATION lib/systemd/system COMPONENT register)
install(FILES ${FLYTTHIT_BOARD_DIR}/systemd/register.env DESTINATION /etc/flytthit-register COMPONENT register)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/docs/SECURITY.md DESTINATION share/doc/flytthit-register COMPONENT register)
set(CPACK_DEBIAN_REGISTER_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_REGISTER_PACKAGE_CONTROL_EXTRA
    ${FLYTTHIT_BOARD_DIR}/debian/register/postinst ${FLYTTHIT_BOARD_DIR}/debian/register/conffiles)
set(CPACK_DEBIAN_REGISTER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
