using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MediaAdmin.Core.Data;

/// <summary>Lets 'dotnet ef migrations add X --context SqliteMediaDbContext' build the model without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMediaDbContext>
{
    public SqliteMediaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMediaDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets 'dotnet ef migrations add X --context SqlServerMediaDbContext' build the model; no server is contacted.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMediaDbContext>
{
    public SqlServerMediaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMediaDbContext>()
            .UseSqlServer("Server=localhost;Database=MediaAdmin;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
