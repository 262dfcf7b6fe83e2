# RAID-6 / XOR benchmark.  Wire from the top-level CMakeLists.txt, after
# add_subdirectory(lib/raid6), with:
#   include(bench/CMakeLists.raid6.cmake)
# Portable binary: no -march flags; the AVX2 code uses target attributes.

add_executable(raid6bench ${CMAKE_CURRENT_LIST_DIR}/raid6bench.c)
target_link_libraries(raid6bench PRIVATE dmakit_raid6)
set_target_properties(raid6bench PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
