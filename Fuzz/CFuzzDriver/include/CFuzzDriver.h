// libFuzzer's driver, for an entry point that SwiftPM names (it links every executable's
// `main` to `<target>_main`, so libFuzzer's own `main` is never used).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
