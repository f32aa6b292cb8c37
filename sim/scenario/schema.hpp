#pragma once
// A Def declares each of its fields once, to a Schema: its dotted path, type, range and a one
// line doc. The scenario loader, `--set`, `insim params`, the manifest and the scenario hash
// are all Schema implementations, so a field is read, checked, listed and recorded the same
// way everywhere (box2d's b2WorldDef + one visitor instead of five hand-written copies).
//
// Paths are dotted (`epstein.legitimacy.initial`); list elements are indexed
// (`sahel.events[3].date`). Sections (`Schema::Section`) prefix the paths declared inside them.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace insim::scenario {

class Schema {
 public:
  virtual ~Schema() = default;

  // Scopes the paths declared while it lives: Section s(schema, "epstein");
  class Section {
   public:
    Section(Schema& schema, std::string_view name);
    ~Section();
    Section(const Section&) = delete;
    Section& operator=(const Section&) = delete;

   private:
    Schema& schema_;
    std::size_t previous_length_;
  };

  void integer(std::string_view key, std::int64_t& value, std::int64_t min, std::int64_t max,
               std::string_view doc) {
    on_integer(qualify(key), value, min, max, doc);
  }
  void real(std::string_view key, double& value, double min, double max, std::string_view doc) {
    on_real(qualify(key), value, min, max, doc);
  }
  void boolean(std::string_view key, bool& value, std::string_view doc) {
    on_boolean(qualify(key), value, doc);
  }
  void text(std::string_view key, std::string& value, std::string_view doc) {
    on_text(qualify(key), value, doc);
  }
  void date(std::string_view key, Date& value, std::string_view doc) {
    on_date(qualify(key), value, doc);
  }
  // One of a fixed list of names; `index` is the chosen name's position in `names`.
  void choice(std::string_view key, std::size_t& index, std::span<const std::string_view> names,
              std::string_view doc) {
    on_choice(qualify(key), index, names, doc);
  }
  // A list of records: returns the number of elements (from the file, else `current`); the
  // caller then declares element i's fields inside Section(schema, key + "[i]").
  std::size_t list_size(std::string_view key, std::size_t current, std::string_view doc) {
    return on_list_size(qualify(key), current, doc);
  }
  // A check across fields, declared after them: when `ok` is false, `message` is reported
  // against `key` (e.g. "citizen_density + cop_density must be at most 1, got 1.2").
  void require(bool ok, std::string_view key, std::string_view message) {
    on_require(ok, qualify(key), message);
  }

  // The current prefix, e.g. "epstein.legitimacy" (empty at top level).
  [[nodiscard]] const std::string& prefix() const { return prefix_; }

 protected:
  virtual void on_integer(const std::string& path, std::int64_t& value, std::int64_t min,
                          std::int64_t max, std::string_view doc) = 0;
  virtual void on_real(const std::string& path, double& value, double min, double max,
                       std::string_view doc) = 0;
  virtual void on_boolean(const std::string& path, bool& value, std::string_view doc) = 0;
  virtual void on_text(const std::string& path, std::string& value, std::string_view doc) = 0;
  virtual void on_date(const std::string& path, Date& value, std::string_view doc) = 0;
  virtual void on_choice(const std::string& path, std::size_t& index,
                         std::span<const std::string_view> names, std::string_view doc) = 0;
  virtual std::size_t on_list_size(const std::string& path, std::size_t current,
                                   std::string_view doc) = 0;
  virtual void on_require(bool ok, const std::string& path, std::string_view message) = 0;

 private:
  [[nodiscard]] std::string qualify(std::string_view key) const;
  std::string prefix_;
};

// Typed convenience for enum class fields: names[i] is the spelling of enumerator i.
template <class E, std::size_t N>
void choice(Schema& s, std::string_view key, E& value, const std::array<std::string_view, N>& names,
            std::string_view doc) {
  auto index = static_cast<std::size_t>(value);
  s.choice(key, index, std::span<const std::string_view>(names), doc);
  value = static_cast<E>(index);
}

// Integer fields stored in narrower types.
template <class I>
void integer_as(Schema& s, std::string_view key, I& value, std::int64_t min, std::int64_t max,
                std::string_view doc) {
  auto v = static_cast<std::int64_t>(value);
  s.integer(key, v, min, max, doc);
  value = static_cast<I>(v);
}

// What a value rests on. Scenario files cite a FACTS.md id ("F23", "M12"), a named public
// source ("NetLogo Rebellion model, Wilensky 2004"), or "assumption: <why>".
enum class SourceKind { unstated, document_fact, public_source, assumption };
[[nodiscard]] SourceKind classify_source(std::string_view source);
[[nodiscard]] std::string_view to_string(SourceKind kind);

}  // namespace insim::scenario
