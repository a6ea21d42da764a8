# One interface target carries the strictness flags; every target links it.
add_library(rs_project_options INTERFACE)
add_library(RebateSync::options ALIAS rs_project_options)

# Deprecated Qt API: the same diagnostics on every Qt from 6.4 (Debian 12) to 6.8 (Debian 13, the
# Windows LTS); see "Portability (issue 13)" in docs/DECISIONS.md. APIs deprecated up to 6.4 are
# compiled out; later deprecations do not warn, since their replacements may not exist in 6.4.
# Raise the warning level to see what a newer Qt deprecates: -DREBATESYNC_QT_WARN_DEPRECATED_UP_TO=0x060800
set(REBATESYNC_QT_DISABLE_DEPRECATED_UP_TO 0x060400)
set(REBATESYNC_QT_WARN_DEPRECATED_UP_TO 0x060400 CACHE STRING
    "Warn about Qt API deprecated up to this version (0xMMNNPP)")

target_compile_definitions(rs_project_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    # Qt 6.5 renamed the two macros and still reads the old names; 6.4 reads only the old ones.
    QT_DISABLE_DEPRECATED_UP_TO=${REBATESYNC_QT_DISABLE_DEPRECATED_UP_TO}
    QT_DISABLE_DEPRECATED_BEFORE=${REBATESYNC_QT_DISABLE_DEPRECATED_UP_TO}
    QT_WARN_DEPRECATED_UP_TO=${REBATESYNC_QT_WARN_DEPRECATED_UP_TO}
    QT_DEPRECATED_WARNINGS_SINCE=${REBATESYNC_QT_WARN_DEPRECATED_UP_TO}
    REBATESYNC_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(rs_project_options INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus)
    if(REBATESYNC_WERROR)
        target_compile_options(rs_project_options INTERFACE /WX)
    endif()
else()
    target_compile_options(rs_project_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
        -Wsuggest-override -Wundef)
    if(REBATESYNC_WERROR)
        target_compile_options(rs_project_options INTERFACE -Werror)
    endif()
endif()

# Engine libraries are static; each folder is one target named rs_<folder>.
function(rebatesync_add_library name)
    add_library(${name} STATIC ${ARGN})
    target_link_libraries(${name} PUBLIC rs_project_options)
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
