// Acceptance 2 of issue 4: headless Chromium opens report.html from disk with the network off,
// runs its script without errors, and shows the charts and the maps; a screenshot is kept under
// the build tree (test-scratch/report/report.png) for a person to look at.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "fake_report.hpp"
#include "report/html_report.hpp"
#include "report/region_map.hpp"
#include "support/scratch_folder.hpp"
#include "text_search.hpp"

using namespace insim::report;
using insim::test::attribute;
using insim::test::count_of;
using insim::test::read_text;
using insim::test::tags_starting;

namespace {
namespace fs = std::filesystem;

fs::path find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir) / name;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Chromium with no network (every host unresolvable, a proxy that refuses), no GPU, a throwaway
// profile, logging to stderr; `mode` is --dump-dom or --screenshot=...; exit status returned.
int run_chromium(const fs::path& chromium, const fs::path& profile, const std::string& mode,
                 const std::string& url, const fs::path& out, const fs::path& err) {
  const std::string command =
      "timeout 60 " + quoted(chromium.string()) +
      " --headless=new --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage"
      " --user-data-dir=" +
      quoted(profile.string()) +
      " --proxy-server=127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND'"
      " --enable-logging=stderr --v=0 --virtual-time-budget=5000 --hide-scrollbars"
      " --window-size=1280,4000 " +
      mode + " " + quoted(url) + " >" + quoted(out.string()) + " 2>" + quoted(err.string());
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Lines of Chromium's log that come from the page: its console (any level: the page itself
// never logs, so any line is an error or a warning about it) and errors naming the file. The
// rest is Chromium's own start-up noise in a container without D-Bus or a GPU, seen with
// Chromium 156 on Debian 12 and harmless: the Debian launcher's "[: ...: unexpected operator",
// ERROR dbus/bus.cc and dbus/object_proxy.cc (no system bus), WARNING vaapi_wrapper.cc
// (drmGetDevices2: no GPU), sandbox_linux.cc (InitializeSandbox with multiple threads),
// bluez_dbus_manager.cc (Floss), dbus/property.cc (UPower) and idle_linux.cc (no screensaver).
std::vector<std::string> page_complaints(const std::string& log, const std::string& file) {
  std::vector<std::string> lines;
  std::stringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    const bool console = line.find(":CONSOLE") != std::string::npos;
    const bool error_about_page =
        line.find(":ERROR:") != std::string::npos && line.find(file) != std::string::npos;
    if (console || error_about_page) lines.push_back(line);
  }
  return lines;
}

std::string tag_in_map(const std::string& dom, std::size_t scenario, std::size_t region) {
  const std::size_t map = dom.find(fmt::format("id=\"map-{}\"", scenario));
  if (map == std::string::npos) return {};
  const std::string opening = fmt::format("<path class=\"region\" data-region=\"{}\"", region);
  const std::size_t at = dom.find(opening, map);
  return at == std::string::npos ? std::string() : dom.substr(at, dom.find('>', at) - at + 1);
}
}  // namespace

TEST_CASE("report: Chromium opens the report offline, draws charts and map, no console errors",
          "[browser]") {
  const fs::path chromium = find_on_path("chromium");
  if (chromium.empty()) {
    FAIL(
        "chromium is not installed, so the report's browser test cannot run: scripts/setup.sh "
        "installs it (Debian package chromium)");
  }
  // A fixed folder, kept after the test: the screenshot is there to be looked at.
  const fs::path dir = fs::path(INSIM_BINARY_DIR) / "test-scratch" / "report";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const ReportData data = insim::test::fake_report(3, 120);
  const WrittenReport written = write_report(data, dir / "site");
  const std::string url = "file://" + fs::absolute(written.html).string();

  // Open the maps at June 2013, a month other than the one drawn in the file: the colours in
  // the dumped page then come from the page's script and its data.
  const std::size_t month = 17;
  REQUIRE(data.dates[month] == "2013-06");
  const int dumped = run_chromium(chromium, dir / "profile", "--dump-dom",
                                  url + "#map-month=2013-06", dir / "dom.html", dir / "dom.log");
  const std::string dom = read_text(dir / "dom.html");
  const std::string log = read_text(dir / "dom.log");
  INFO("Chromium's log:\n" << log);
  REQUIRE(dumped == 0);
  CHECK(count_of(dom, "data-ready=\"1\"") == 1);
  CHECK(count_of(dom, "data-errors") == 0);
  CHECK(page_complaints(log, written.html.filename().string()).empty());

  CHECK(count_of(dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"") ==
        data.charts.size());
  CHECK(count_of(dom, "<path class=\"median\"") == (4 + 2 + 1) * 3);
  CHECK(count_of(dom, "<path class=\"region\"") == 3 * 9);
  CHECK(count_of(dom, "<circle class=\"deaths\"") == 3 * 9);
  CHECK(count_of(dom, "<output id=\"map-slider-date\" for=\"map-slider\">June 2013</output>") == 1);
  CHECK(count_of(dom, ">June 2013</text>") == 3);
  // Every region's shape and circle got its tooltip from the script.
  CHECK(count_of(dom, "June 2013: ") == 2 * 3 * 9);
  const double most = max_deaths(data.map);
  for (std::size_t s = 0; s < 3; ++s) {
    for (std::size_t r = 0; r < 9; ++r) {
      CAPTURE(s, r);
      const std::string tag = tag_in_map(dom, s, r);
      const RegionLook look = region_look(data.map, data.map.by_scenario[s], month, r, most);
      CHECK(attribute(tag, "fill") == look.fill);
    }
  }

  const fs::path shot = dir / "report.png";
  const int shot_status = run_chromium(chromium, dir / "profile", "--screenshot=" + shot.string(),
                                       url, dir / "screenshot.out", dir / "screenshot.log");
  INFO("Chromium's log:\n" << read_text(dir / "screenshot.log"));
  REQUIRE(shot_status == 0);
  const std::string png = read_text(shot);
  REQUIRE(png.size() > 24);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(static_cast<unsigned char>(png[18]) * 256 + static_cast<unsigned char>(png[19]) == 1280);
  fs::remove_all(dir / "profile");
}
