#pragma once
// Where a scenario's values come from, counted as `insim params --sources` and the compare
// report show it. Only a value someone wrote (in a file or with --set) can cite a source: a
// default is the code's, and a list's size is no value of its own (its elements' values are
// counted one by one), so neither counts as "unstated".
#include <cstddef>
#include <map>
#include <vector>

#include "scenario/loader/loader.hpp"

namespace insim::scenario {

struct SourceSummary {
  std::map<SourceKind, std::size_t> in_files{{SourceKind::document_fact, 0},
                                             {SourceKind::public_source, 0},
                                             {SourceKind::assumption, 0},
                                             {SourceKind::unstated, 0}};
  std::size_t in_files_total = 0;
  std::size_t by_set = 0;
  std::size_t defaults = 0;
  std::size_t list_sizes = 0;
  std::vector<const FieldRecord*> unstated;  // written without a source; point into the result
};

[[nodiscard]] SourceSummary summarise_sources(const LoadResult& info);

}  // namespace insim::scenario
