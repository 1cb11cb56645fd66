using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class CategoryGrantConfiguration : IEntityTypeConfiguration<CategoryGrant>
{
    public void Configure(EntityTypeBuilder<CategoryGrant> grant)
    {
        grant.HasKey(g => new { g.UserId, g.CategoryId });
        grant.Property(g => g.UserId).HasMaxLength(450);
        grant.HasOne<MediaUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        grant.HasOne<Category>().WithMany().HasForeignKey(g => g.CategoryId).OnDelete(DeleteBehavior.Cascade);
        grant.HasIndex(g => g.CategoryId);
    }
}
