#pragma once
// SVG text to a PNG file with librsvg and cairo, on white, for papers and slides.
#include <filesystem>
#include <string_view>

namespace insim::report {

// Renders `svg` `width_px` pixels wide (height from the SVG's aspect ratio) and writes the PNG
// to `path` atomically. output::OutputError naming the path if the SVG cannot be read or the
// file cannot be written.
void svg_to_png(std::string_view svg, const std::filesystem::path& path, int width_px);

}  // namespace insim::report
