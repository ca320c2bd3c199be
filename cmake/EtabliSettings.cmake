# SPDX-License-Identifier: GPL-3.0-or-later
# Compiler settings every Établi target links through Etabli::Settings (STYLE 8).
add_library(etabli_settings INTERFACE)
add_library(Etabli::Settings ALIAS etabli_settings)
target_compile_definitions(etabli_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_NO_KEYWORDS)
target_compile_options(etabli_settings INTERFACE -Wall -Wextra -Wno-unused-parameter)
if(ETABLI_SANITIZE)
  target_compile_options(etabli_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(etabli_settings INTERFACE -fsanitize=address,undefined)
endif()

# etabli_add_test(NAME tst_foo SOURCES tst_foo.cpp LIBS Etabli::Inventory LABELS unit)
# One QtTest executable, registered with CTest under its labels; tests link the module
# library and never recompile its sources (STYLE 13).
function(etabli_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  qt_add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test Etabli::Settings ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    ETABLI_FIXTURES="${PROJECT_SOURCE_DIR}/tests/fixtures"
    ETABLI_CORPUS="${PROJECT_SOURCE_DIR}/../shared/corpus"
    ETABLI_CLI="$<TARGET_FILE:etabli>")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  if("unit" IN_LIST T_LABELS)
    set_property(GLOBAL APPEND PROPERTY ETABLI_UNIT_TESTS ${T_NAME})
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
endfunction()
