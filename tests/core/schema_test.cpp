#include <catch2/catch.hpp>

#include "scenario/schema.hpp"

using namespace insim::scenario;

TEST_CASE("sources: FACTS ids, public sources and assumptions are told apart", "[schema]") {
  CHECK(classify_source("F23") == SourceKind::document_fact);
  CHECK(classify_source("M12, F29") == SourceKind::document_fact);
  CHECK(classify_source("X01 (abuse fuels recruitment)") == SourceKind::document_fact);
  CHECK(classify_source("F13: central Mali taken as Mopti and Ségou") == SourceKind::document_fact);
  CHECK(classify_source("Mali 2009 census") == SourceKind::public_source);
  CHECK(classify_source("NetLogo Rebellion model (Wilensky 2004)") == SourceKind::public_source);
  CHECK(classify_source("assumption: no data on cop vision") == SourceKind::assumption);
  CHECK(classify_source("  ") == SourceKind::unstated);
  CHECK(classify_source("") == SourceKind::unstated);
  CHECK(classify_source("Fulani share, Ethnologue") == SourceKind::public_source);
}
