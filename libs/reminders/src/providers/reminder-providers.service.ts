import { Injectable } from '@nestjs/common';
import { ReminderKind } from '@rapport/shared';
import type { DigestSection, ReminderProvider } from './reminder-provider.js';

/**
 * The registry of reminder providers, one per kind, and of digest sections. Each
 * context registers its own in its module's onModuleInit; the worker checks at start
 * that every kind has one (RemindersProcessor), so a forgotten import fails loudly.
 */
@Injectable()
export class ReminderProviders {
  private readonly byKind = new Map<ReminderKind, ReminderProvider>();
  private readonly sections: DigestSection[] = [];

  register<S>(kinds: ReminderKind[], provider: ReminderProvider<S>): void {
    for (const kind of kinds) {
      const existing = this.byKind.get(kind);
      if (existing && existing !== provider) throw new Error(`two reminder providers for ${kind}`);
      this.byKind.set(kind, provider as ReminderProvider);
    }
  }

  registerDigestSection<I>(section: DigestSection<I>): void {
    if (!this.sections.includes(section as DigestSection)) this.sections.push(section as DigestSection);
    this.sections.sort((a, b) => a.order - b.order);
  }

  /** The provider of a kind, or undefined (a reminder of that kind is then cancelled). */
  get(kind: ReminderKind): ReminderProvider | undefined {
    return this.byKind.get(kind);
  }

  digestSections(): readonly DigestSection[] {
    return this.sections;
  }

  /** Throws when a kind has no provider: its module is not imported (see REMINDER_PROVIDER_MODULES in libs/platform). */
  assertComplete(): void {
    const missing = Object.values(ReminderKind).filter((kind) => !this.byKind.has(kind));
    if (missing.length > 0) {
      throw new Error(
        `no reminder provider registered for ${missing.join(', ')}: import the module of its context (REMINDER_PROVIDER_MODULES in libs/platform)`,
      );
    }
  }
}
