// Names of the resolution enums, as reports print them.
#include "crosscheck/resolve.h"

namespace crosscheck {

absl::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganisation:
      return "organisation";
    case EntityType::kCountry:
      return "country";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      break;
  }
  return "other";
}

bool ParseEntityType(absl::string_view name, EntityType* type) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganisation, EntityType::kCountry,
                       EntityType::kPlace, EntityType::kOther}) {
    if (EntityTypeName(t) == name) {
      *type = t;
      return true;
    }
  }
  return false;
}

absl::string_view SurfaceRelationName(SurfaceRelation relation) {
  switch (relation) {
    case SurfaceRelation::kExact:
      return "exact";
    case SurfaceRelation::kVariant:
      return "variant";
    case SurfaceRelation::kMisspelling:
      return "misspelling";
    case SurfaceRelation::kTransliteration:
      return "transliteration";
    case SurfaceRelation::kAlias:
      break;
  }
  return "alias";
}

}  // namespace crosscheck
