// The scenarios shipped in scenarios/ load cleanly with the real ScenarioDef.
#include <algorithm>
#include <catch2/catch.hpp>

#include "loader_support.hpp"

namespace sc = insim::scenario;

TEST_CASE("scenarios: the ScenarioDef defaults satisfy their own checks", "[scenarios]") {
  insim::ScenarioDef def;
  const auto d = sc::defaults([&](sc::Schema& s) { describe(s, def); });
  CHECK(d.fields.size() > 20);
  CHECK(std::none_of(d.fields.begin(), d.fields.end(),
                     [](const sc::FieldRecord& f) { return f.doc.empty() || f.type.empty(); }));
}

TEST_CASE("scenarios: every file in scenarios/epstein loads", "[scenarios]") {
  const auto folder = std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "epstein";
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(folder))
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    INFO(file.string());
    try {
      const auto r = insim::test::load_def(file);
      CHECK(r.def.model == insim::ModelKind::epstein);
      CHECK(r.info.files.front() == file.lexically_normal().generic_string());
    } catch (const insim::InputError& e) {
      FAIL(e.what());
    }
  }
}

TEST_CASE("scenarios: the fixture scenario loads", "[scenarios]") {
  CHECK_NOTHROW(insim::test::load_def(insim::test::fixture("epstein_small.yaml")));
}
