using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.HasKey(c => c.Id);
        category.Property(c => c.Name).HasMaxLength(Category.NameMaxLength);

        // Not unique: mirrored ApsaraVideo VOD categories share names under different parents, and renames swap names.
        category.HasIndex(c => c.Name);
    }
}
