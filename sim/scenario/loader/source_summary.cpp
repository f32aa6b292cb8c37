#include "scenario/loader/source_summary.hpp"

namespace insim::scenario {

SourceSummary summarise_sources(const LoadResult& info) {
  SourceSummary s;
  for (const auto& f : info.fields) {
    if (f.type == "list") {
      ++s.list_sizes;
    } else if (f.origin == "default") {
      ++s.defaults;
    } else if (f.origin == "--set") {
      ++s.by_set;
      s.unstated.push_back(&f);
    } else {
      ++s.in_files_total;
      ++s.in_files[f.source_kind];
      if (f.source_kind == SourceKind::unstated) s.unstated.push_back(&f);
    }
  }
  return s;
}

}  // namespace insim::scenario
