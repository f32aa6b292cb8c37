#include "report/png_export.hpp"

#include <cairo.h>
#include <dlfcn.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "output/atomic_file.hpp"

namespace insim::report {

namespace {
struct GErrorFree {
  void operator()(GError* e) const { g_error_free(e); }
};
struct HandleUnref {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

std::string message_of(GError* error) {
  const std::unique_ptr<GError, GErrorFree> owned(error);
  return error != nullptr ? error->message : "unknown error";
}

// librsvg lays text out with Pango, whose default font map keeps fontconfig's font list for the
// life of the process. Freed at exit so that LeakSanitizer (scripts/sanitize.sh) sees no leak;
// the libraries are librsvg's own dependencies, not linked here, hence dlsym.
void release_font_caches() {
  using SetDefaultFontMap = void (*)(void*);
  using Finish = void (*)();
  if (auto* set_default = reinterpret_cast<SetDefaultFontMap>(
          ::dlsym(RTLD_DEFAULT, "pango_cairo_font_map_set_default"))) {
    set_default(nullptr);
  }
  cairo_debug_reset_static_data();
  if (auto* finish = reinterpret_cast<Finish>(::dlsym(RTLD_DEFAULT, "FcFini"))) finish();
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

void svg_to_png(std::string_view svg, const std::filesystem::path& path, int width_px) {
  const auto fail = [&](const std::string& why) {
    return output::OutputError(fmt::format("cannot make the figure '{}': {}", path.string(), why));
  };
  if (width_px <= 0) throw fail(fmt::format("width {} px is not positive", width_px));
  static const bool cleanup_registered = std::atexit(release_font_caches) == 0;
  (void)cleanup_registered;
  GError* error = nullptr;
  const std::unique_ptr<RsvgHandle, HandleUnref> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) throw fail("the SVG cannot be read: " + message_of(error));

  gdouble svg_width = 0, svg_height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &svg_width, &svg_height) ||
      svg_width <= 0 || svg_height <= 0) {
    throw fail("the SVG has no width and height in pixels");
  }
  const int height_px = static_cast<int>(std::lround(width_px * svg_height / svg_width));
  const std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px));
  const std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);  // white, not transparent: slides and print
  cairo_paint(cr.get());
  const RsvgRectangle viewport = {0, 0, static_cast<double>(width_px),
                                  static_cast<double>(height_px)};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
    throw fail("the SVG cannot be drawn: " + message_of(error));
  }
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
    throw fail(cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_flush(surface.get());
  std::string png;
  const cairo_status_t written =
      cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png);
  if (written != CAIRO_STATUS_SUCCESS) throw fail(cairo_status_to_string(written));

  output::AtomicFile file(path);
  file.write(png);
  file.commit();
}

}  // namespace insim::report
