#include <catch2/catch.hpp>

#include "fake_report.hpp"
#include "output/atomic_file.hpp"
#include "report/html_report.hpp"
#include "support/scratch_folder.hpp"
#include "text_search.hpp"

using namespace insim::report;
using insim::test::count_of;
using insim::test::entries;
using insim::test::fake_report;
using insim::test::read_text;
using insim::test::ScratchFolder;

TEST_CASE("write report: every figure as SVG and PNG, the page, and no temporary file") {
  ScratchFolder dir("report-files");
  const ReportData d = fake_report(3, 36);
  const WrittenReport w = write_report(d, dir / "out");
  CHECK(entries(dir / "out") ==
        std::vector<std::string>{
            "figures", "figures/civilians_killed_by_perpetrator.png",
            "figures/civilians_killed_by_perpetrator.svg", "figures/displaced.png",
            "figures/displaced.svg", "figures/map_2014-12.png", "figures/map_2014-12.svg",
            "figures/territory_held.png", "figures/territory_held.svg", "report.html"});
  CHECK(w.html == dir / "out" / "report.html");
  CHECK(w.figures.size() == 8);
  for (const auto& f : w.figures) CHECK(std::filesystem::file_size(f) > 1000);
  // The page inlines the very charts of the figure files.
  const std::string html = read_text(w.html);
  const std::string chart = read_text(dir / "out" / "figures" / "displaced.svg");
  CHECK(count_of(html, chart) == 1);
  // PNGs are twice the SVG's width: 960 -> 1920.
  const std::string png = read_text(dir / "out" / "figures" / "displaced.png");
  CHECK(static_cast<unsigned char>(png[18]) * 256 + static_cast<unsigned char>(png[19]) == 1920);
}

TEST_CASE("write report: writing again replaces the files in place") {
  ScratchFolder dir("report-again");
  ReportData d = fake_report(2, 24);
  write_report(d, dir.path());
  d.title = "Second report";
  write_report(d, dir.path());
  CHECK(count_of(read_text(dir / "report.html"), "<h1>Second report</h1>") == 1);
  CHECK(entries(dir.path()).size() == 10);
}

TEST_CASE("write report: an unwritable folder is an output error naming it") {
  ScratchFolder dir("report-unwritable");
  const auto blocker = dir.write("file", "not a folder");
  CHECK_THROWS_AS(write_report(fake_report(2, 12), blocker / "out"), insim::output::OutputError);
  CHECK_THROWS_WITH(write_report(fake_report(2, 12), blocker / "out"), Catch::Contains("file/out"));
}

TEST_CASE("write report: inconsistent data writes nothing") {
  ScratchFolder dir("report-invalid");
  ReportData d = fake_report(2, 12);
  d.map.latitude.pop_back();
  CHECK_THROWS_AS(write_report(d, dir / "out"), std::invalid_argument);
  CHECK_FALSE(std::filesystem::exists(dir / "out"));
}
