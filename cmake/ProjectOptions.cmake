# One interface target carries the strictness flags; every target links it.
add_library(rs_project_options INTERFACE)
add_library(RebateSync::options ALIAS rs_project_options)

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
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
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
