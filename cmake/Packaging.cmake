# Installation and CPack. On Windows run windeployqt on the installed tree (see README).
include(GNUInstallDirs)
install(TARGETS rebatesync rebatesync-cli
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    BUNDLE DESTINATION .)

set(CPACK_PACKAGE_NAME "RebateSync")
set(CPACK_PACKAGE_VENDOR "RebateSync")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "RebateSync")
if(WIN32)
    set(CPACK_GENERATOR "ZIP;NSIS")
else()
    set(CPACK_GENERATOR "TGZ")
endif()
include(CPack)
