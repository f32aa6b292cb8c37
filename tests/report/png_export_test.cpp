#include "report/png_export.hpp"

#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdint>

#include "output/atomic_file.hpp"
#include "support/scratch_folder.hpp"

using insim::report::svg_to_png;
using insim::test::entries;
using insim::test::read_text;
using insim::test::ScratchFolder;

namespace {
std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}
constexpr const char* kSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 "
    "100\">"
    "<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\" fill=\"#000000\"/></svg>";
}  // namespace

TEST_CASE("png: the file is a PNG of the requested width and the SVG's aspect ratio") {
  ScratchFolder dir("png-size");
  const auto path = dir / "figure.png";
  svg_to_png(kSvg, path, 640);
  const std::string png = read_text(path);
  REQUIRE(png.size() > 33);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(png.substr(12, 4) == "IHDR");
  CHECK(big_endian(png, 16) == 640);  // width
  CHECK(big_endian(png, 20) == 320);  // height: 200 x 100 scaled
  CHECK(entries(dir.path()) == std::vector<std::string>{"figure.png"});
}

TEST_CASE("png: what is not drawn is white, what is drawn keeps its colour") {
  ScratchFolder dir("png-white");
  const auto path = dir / "figure.png";
  svg_to_png(kSvg, path, 200);
  cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  const auto pixel = [&](int x, int y) {
    return *reinterpret_cast<const std::uint32_t*>(data + y * stride + 4 * x) & 0xFFFFFFu;
  };
  CHECK(pixel(50, 50) == 0x000000u);   // inside the black square
  CHECK(pixel(150, 50) == 0xFFFFFFu);  // the background: white, not transparent black
  cairo_surface_destroy(s);
}

TEST_CASE("png: an unreadable SVG is an output error naming the file, and no file is left") {
  ScratchFolder dir("png-bad");
  const auto path = dir / "broken.png";
  try {
    svg_to_png("<svg this is not xml", path, 100);
    FAIL("expected an OutputError");
  } catch (const insim::output::OutputError& e) {
    CHECK(std::string(e.what()).find("broken.png") != std::string::npos);
  }
  CHECK(entries(dir.path()).empty());
  CHECK_THROWS_AS(svg_to_png(kSvg, path, 0), insim::output::OutputError);
}
