#include "scenario/loader/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include "scenario/loader/scalar_parse.hpp"

namespace insim::scenario {

std::string Location::to_string() const {
  if (line <= 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  for (auto& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

std::string describe_found(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return "nothing";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::mapping:
      return "a mapping";
    case YamlNode::Kind::scalar:
      break;
  }
  if (node.quoted) return fmt::format("text \"{}\"", node.scalar);
  if (looks_numeric(node.scalar)) return node.scalar;
  return fmt::format("'{}'", node.scalar);
}

bool is_sourced_value(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::mapping || node.find("value") == nullptr) return false;
  for (const auto& e : node.entries)
    if (e.key != "value" && e.key != "source" && e.key != "note") return false;
  return true;
}

namespace {

// Nesting deeper than this is not a scenario; it also stops alias loops from recursing forever.
constexpr int kMaxDepth = 200;

Location location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return Location{file, 0, 0};
  return Location{file, mark.line + 1, mark.column + 1};
}

std::string child_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + '.' + key;
}

// Whether the quote at text[open] has its closing quote. yaml-cpp 0.7 accepts a quoted scalar
// that runs to the end of the file, silently swallowing every line after it into one value.
bool quote_closed(const std::string& text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character, possibly a quote
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a single quote inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

class Converter {
 public:
  Converter(const std::string& text, const std::string& file, std::vector<Diagnostic>& problems)
      : text_(text), file_(file), problems_(problems) {}

  void convert(const YAML::Node& in, YamlNode& out, const std::string& path, int depth) {
    out.where = location_of(in.Mark(), file_);
    if (depth > kMaxDepth) {
      problems_.push_back({file_, out.where.line, out.where.column, path,
                           fmt::format("nesting deeper than {} levels", kMaxDepth)});
      return;
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::scalar;
        out.scalar = in.Scalar();
        // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
        out.quoted = in.Tag() == "!";
        if (out.quoted) check_quote_closed(in.Mark(), out.where, path);
        break;
      case YAML::NodeType::Sequence: {
        out.kind = YamlNode::Kind::sequence;
        std::size_t i = 0;
        for (const auto& item : in) {
          YamlNode& child = out.items.emplace_back();
          convert(item, child, fmt::format("{}[{}]", path, i++), depth + 1);
          child.key_where = child.where;
        }
        break;
      }
      case YAML::NodeType::Map:
        convert_mapping(in, out, path, depth);
        break;
    }
  }

 private:
  void convert_mapping(const YAML::Node& in, YamlNode& out, const std::string& path, int depth) {
    out.kind = YamlNode::Kind::mapping;
    std::map<std::string, Location> seen;
    for (auto it = in.begin(); it != in.end(); ++it) {
      const Location key_where = location_of(it->first.Mark(), file_);
      if (!it->first.IsScalar()) {
        problems_.push_back({file_, key_where.line, key_where.column, path,
                             "a key must be a plain name, got " +
                                 std::string(it->first.IsMap() ? "a mapping" : "a list")});
        continue;
      }
      const std::string key = it->first.Scalar();
      const std::string key_path = child_path(path, key);
      if (auto [first, inserted] = seen.emplace(key, key_where); !inserted) {
        problems_.push_back(
            {file_, key_where.line, key_where.column, key_path,
             fmt::format("duplicate key '{}': first given at line {}, again at line {}; a key "
                         "may appear once in a mapping",
                         key, first->second.line, key_where.line)});
        continue;  // the first one stands
      }
      YamlEntry& entry = out.entries.emplace_back();
      entry.key = key;
      convert(it->second, entry.value, key_path, depth + 1);
      entry.value.key_where = key_where;
      // yaml-cpp marks an empty value at the next token; the key is where the reader looks.
      if (entry.value.kind == YamlNode::Kind::null) entry.value.where = key_where;
    }
  }

  void check_quote_closed(const YAML::Mark& mark, const Location& where, const std::string& path) {
    if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size())
      return;
    const auto open = static_cast<std::size_t>(mark.pos);
    if (text_[open] != '"' && text_[open] != '\'') return;  // a block scalar (| or >)
    if (quote_closed(text_, open)) return;
    problems_.push_back(
        {file_, where.line, where.column, path,
         fmt::format("the quoted value opened here with {} is never closed, so it would take in "
                     "the rest of the file: add the closing {}",
                     text_[open], text_[open])});
  }

  const std::string& text_;
  const std::string& file_;
  std::vector<Diagnostic>& problems_;
};

// The first byte that is not UTF-8 text (a NUL, or a byte outside a valid UTF-8 sequence), as a
// problem at its line and column; yaml-cpp would read it as Latin-1 or stop at a misleading
// token.
std::optional<Diagnostic> not_utf8_text(const std::string& text, const std::string& file) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (byte >= 0xC2 && byte <= 0xDF)
      length = 2;
    else if (byte >= 0xE0 && byte <= 0xEF)
      length = 3;
    else if (byte >= 0xF0 && byte <= 0xF4)
      length = 4;
    else if (byte >= 0x80)
      length = 0;  // a continuation byte, or never valid in UTF-8
    bool valid = byte != 0 && length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    // Overlong forms, surrogates and code points above U+10FFFF.
    if (valid && length == 3) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      valid = !(byte == 0xE0 && next < 0xA0) && !(byte == 0xED && next >= 0xA0);
    } else if (valid && length == 4) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      valid = !(byte == 0xF0 && next < 0x90) && !(byte == 0xF4 && next >= 0x90);
    }
    if (!valid) {
      return Diagnostic{
          file, line, column, "",
          byte == 0 ? std::string("the file holds a NUL byte: a scenario file is UTF-8 text, "
                                  "not binary data")
                    : fmt::format("byte 0x{:02X} is not UTF-8 text: save the file as UTF-8", byte)};
    }
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

std::string_view line_of(const std::string& text, int line_index) {
  std::size_t begin = 0;
  for (int i = 0; i < line_index; ++i) {
    begin = text.find('\n', begin);
    if (begin == std::string::npos) return {};
    ++begin;
  }
  const std::size_t end = text.find('\n', begin);
  return std::string_view(text).substr(begin,
                                       end == std::string::npos ? std::string::npos : end - begin);
}

// yaml-cpp's messages are terse; say what usually causes the common ones.
std::string_view syntax_hint(const std::string& message) {
  if (message == "illegal map value")
    return " (a second ': ' on the line, or a key indented unlike its neighbours? quote values "
           "that contain ': ')";
  if (message == "end of sequence flow not found") return " (a '[' is not closed by ']')";
  if (message == "end of map flow not found") return " (a '{' is not closed by '}')";
  return "";
}

// yaml-cpp 0.7 never returns from LoadAll when a ',' stands where a document's node should start
// (",a", "[a]\n,", "--- ,"): its parser reports an empty document there without moving past the
// ',', forever. A first pass that only notes where each document starts finds the place: the
// first document that starts where the one before did.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    stuck_ = !marks_.empty() && marks_.back().pos == mark.pos;
    marks_.push_back(mark);
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  [[nodiscard]] bool stuck() const { return stuck_; }
  [[nodiscard]] const YAML::Mark& last() const { return marks_.back(); }

 private:
  std::vector<YAML::Mark> marks_;
  bool stuck_ = false;
};

// Where yaml-cpp's LoadAll would never return, if anywhere; throws YAML::Exception for a syntax
// error, as LoadAll would.
std::optional<YAML::Mark> endless_document(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  while (parser.HandleNextDocument(starts)) {
    if (starts.stuck()) return starts.last();
  }
  return std::nullopt;
}

bool indented_with_tab(std::string_view line) {
  for (char c : line) {
    if (c == '\t') return true;
    if (c != ' ') return false;
  }
  return false;
}

}  // namespace

bool parse_yaml(const std::string& text, const std::string& file_label, YamlNode& root,
                std::vector<Diagnostic>& problems) {
  if (auto problem = not_utf8_text(text, file_label)) {
    problems.push_back(std::move(*problem));
    return false;
  }
  std::vector<YAML::Node> documents;
  try {
    if (const auto endless = endless_document(text)) {
      const Location where = location_of(*endless, file_label);
      const bool comma = endless->pos >= 0 &&
                         static_cast<std::size_t>(endless->pos) < text.size() &&
                         text[static_cast<std::size_t>(endless->pos)] == ',';
      problems.push_back({file_label, where.line, where.column, "",
                          comma ? "YAML syntax error: a ',' outside a [list] or {mapping}; quote "
                                  "the value if the comma belongs to it"
                                : "YAML syntax error: no value can start here"});
      return false;
    }
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    const Location where = location_of(e.mark, file_label);
    std::string message = "YAML syntax error: " + e.msg;
    if (!e.mark.is_null() && indented_with_tab(line_of(text, e.mark.line)))
      message += "; YAML does not allow tabs for indentation: indent with spaces";
    else
      message += syntax_hint(e.msg);
    problems.push_back({file_label, where.line, where.column, "", message});
    return false;
  }
  if (documents.size() > 1) {
    const Location where = location_of(documents[1].Mark(), file_label);
    problems.push_back({file_label, where.line, where.column, "",
                        fmt::format("the file holds {} YAML documents (separated by '---'); a "
                                    "scenario file holds one",
                                    documents.size())});
    return false;
  }
  root = YamlNode{};
  root.where = root.key_where = Location{file_label, 1, 1};
  if (documents.empty()) return true;
  Converter(text, file_label, problems).convert(documents[0], root, "", 0);
  root.key_where = root.where;
  return true;
}

}  // namespace insim::scenario
