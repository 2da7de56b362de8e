// libFuzzer target: see FuzzEntry.h and the README's "Fuzzing" section.
#include "FuzzEntry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    naqsh::fuzz::onnx(data, size);
    return 0;
}
