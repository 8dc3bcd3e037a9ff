# crosscheck_set_options(target): warnings, -Werror in CI, and sanitizers, set per target.
function(crosscheck_set_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough -Wno-unused-parameter)
  if(CROSSCHECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CROSSCHECK_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all)
  endif()
endfunction()
