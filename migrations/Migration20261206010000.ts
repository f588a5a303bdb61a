import { Migration } from '@mikro-orm/migrations';

/**
 * The public read path's pages in index order (issue 19): a setting's, a local authority's and a
 * region's current reports, newest first, each read straight from a partial index instead of
 * sorting every report of the area (890 in a local authority after ten years of history).
 */
export class Migration20261206010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "published_report_current_urn_newest" on "published_report" ("urn", "published_on" desc, "id" desc) where "current";`,
    );
    this.addSql(
      `create index "published_report_current_local_authority_newest" on "published_report" ("local_authority", "published_on" desc, "id" desc) where "current";`,
    );
    this.addSql(
      `create index "published_report_current_region_newest" on "published_report" ("region", "published_on" desc, "id" desc) where "current";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop index "published_report_current_urn_newest", "published_report_current_local_authority_newest", "published_report_current_region_newest";`,
    );
  }
}
