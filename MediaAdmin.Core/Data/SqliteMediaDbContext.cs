using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>The embedded default: a SQLite file under the data folder.</summary>
public sealed class SqliteMediaDbContext(DbContextOptions<SqliteMediaDbContext> options) : MediaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<MediaFile>()
            .HasIndex(f => f.AssetId, "IX_MediaFiles_OneMezzaninePerAsset")
            .IsUnique()
            .HasFilter("\"Kind\" = 0");
    }
}
