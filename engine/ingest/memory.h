// Memory helpers for the large arrays ingest fills.
//
// Filling fresh memory costs one page fault per 4 KiB page, and on some
// virtual machines a fault costs microseconds: writing 150 MB of claims can
// take longer than parsing them. Transparent huge pages make those faults
// 512 times fewer where the system allows them (Linux with THP "madvise" or
// "always"); elsewhere the advice is a no-op.
#ifndef CROSSCHECK_ENGINE_INGEST_MEMORY_H_
#define CROSSCHECK_ENGINE_INGEST_MEMORY_H_

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace crosscheck::internal {

// Advises the kernel to back the 2 MiB-aligned pages inside [data, data +
// bytes) with huge pages. Call before the memory is first written.
void AdviseHugePages(void* data, size_t bytes);

// Ensures v->capacity() >= `need`; when it must grow, to at least twice the
// old capacity and at least `hint` (an estimate of the final size: untouched
// capacity costs address space, not memory). The new storage is advised for
// huge pages before the elements are moved into it.
template <typename T>
void GrowForAppend(std::vector<T>* v, size_t need, size_t hint = 0) {
  if (need <= v->capacity()) return;
  std::vector<T> bigger;
  bigger.reserve(std::max({need, 2 * v->capacity(), hint}));
  AdviseHugePages(bigger.data(), bigger.capacity() * sizeof(T));
  bigger.insert(bigger.end(), std::make_move_iterator(v->begin()),
                std::make_move_iterator(v->end()));
  v->swap(bigger);
}

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_MEMORY_H_
