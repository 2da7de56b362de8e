#pragma once

#include <cstddef>
#include <cstdint>

// The entry points of Naqsh's fuzz targets. Each takes one input exactly as libFuzzer gives it;
// the libFuzzer targets (fuzz_*.cpp, NAQSH_FUZZ=ON builds) and the plain replay test
// (fuzz_replay, every build) call the same function, so a corpus or regression file checks the
// same code under both. Each returns normally for any input; a broken invariant aborts.
namespace naqsh::fuzz {

/// A .naqsh document: read it; if it reads, analyse it, lay it out, save it and read the save back.
void naqshDocument(const std::uint8_t *data, std::size_t size);
/// A Caffe prototxt: parse it, import it, and analyse what imports.
void prototxt(const std::uint8_t *data, std::size_t size);
/// An ONNX model: read it (validation, shape inference in its child process), import it and
/// analyse what imports. ONNX's inference crashing or hanging in the child is a finding: Naqsh's
/// checks (OnnxValidate) must have refused that file first.
void onnx(const std::uint8_t *data, std::size_t size);

} // namespace naqsh::fuzz
