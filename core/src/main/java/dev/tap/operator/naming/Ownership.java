package dev.tap.operator.naming;

import dev.tap.operator.aws.AdoptionPolicy;
import java.util.Map;

/**
 * Whose an existing AWS resource is, by its owner tag, and so what the operator may do with it. Every
 * dependent decides this here; each words its own Blocked messages. {@code owner}: the tag's value,
 * null when there is none.
 */
public record Ownership(Kind kind, String owner) {

  /** Callers switch over it in switch expressions, so a new kind fails to compile where it is not handled. */
  public enum Kind {
    /** Carries our owner tag: ours to change and delete. */
    OURS,
    /** Tagged for another owner: never touched, whatever the adoption policy. */
    FOREIGN,
    /** No owner tag, and the adoption policy takes it over. */
    ADOPTABLE,
    /** No owner tag, and the adoption policy leaves it alone. */
    UNTAGGED
  }

  /** From the resource's tags (null: none). */
  public static Ownership of(Map<String, String> tags, String ourOwner, AdoptionPolicy adoption) {
    return ofTag(tags == null ? null : tags.get(OwnerTags.OWNER), ourOwner, adoption);
  }

  /** From the owner tag's value alone (null: no tag), for services whose reads return no tags. */
  public static Ownership ofTag(String ownerTag, String ourOwner, AdoptionPolicy adoption) {
    if (ownerTag == null) {
      return new Ownership(adoption.adopts() ? Kind.ADOPTABLE : Kind.UNTAGGED, null);
    }
    return new Ownership(ownerTag.equals(ourOwner) ? Kind.OURS : Kind.FOREIGN, ownerTag);
  }

  /** Whether the resource is ours: the only question cleanup asks, since it never adopts. */
  public static boolean ours(Map<String, String> tags, String ourOwner) {
    return of(tags, ourOwner, AdoptionPolicy.NONE).kind() == Kind.OURS;
  }
}
