using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>SQL Server, chosen with Database:Provider = SqlServer.</summary>
public sealed class SqlServerMediaDbContext(DbContextOptions<SqlServerMediaDbContext> options) : MediaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<MediaFile>()
            .HasIndex(f => f.AssetId, "IX_MediaFiles_OneMezzaninePerAsset")
            .IsUnique()
            .HasFilter("[Kind] = 0");
    }
}
