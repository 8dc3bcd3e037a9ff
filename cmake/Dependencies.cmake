# Every dependency comes from a Debian 12 package; scripts/bootstrap installs them.
find_package(absl CONFIG REQUIRED)
find_package(RapidJSON CONFIG REQUIRED)
find_package(Boost 1.74 REQUIRED)  # Boost.Graph's compressed_sparse_row_graph is header-only.
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

if(CROSSCHECK_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
endif()
if(CROSSCHECK_BUILD_BENCHMARKS)
  find_package(benchmark CONFIG REQUIRED)
endif()

# RapidJSON's config exports include directories only; wrap them in a target.
if(NOT TARGET crosscheck_rapidjson)
  add_library(crosscheck_rapidjson INTERFACE)
  target_include_directories(crosscheck_rapidjson SYSTEM INTERFACE ${RapidJSON_INCLUDE_DIRS} ${RAPIDJSON_INCLUDE_DIRS})
  if(CROSSCHECK_SSE42 AND CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    target_compile_definitions(crosscheck_rapidjson INTERFACE RAPIDJSON_SSE42)
    target_compile_options(crosscheck_rapidjson INTERFACE -msse4.2)
  endif()
endif()
