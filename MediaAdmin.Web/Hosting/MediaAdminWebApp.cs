namespace MediaAdmin.Web.Hosting;

/// <summary>Builds the console's web application; Program and the integration tests share it.</summary>
public static class MediaAdminWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? contentRootPath = null, string? environmentName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(MediaAdminWebApp).Assembly.GetName().Name,
            ContentRootPath = contentRootPath,
            EnvironmentName = environmentName,
        });
        // Before the registrations: they read the configuration (data folder, provider) as they run.
        configure?.Invoke(builder);
        builder.AddMediaAdminWeb();

        var app = builder.Build();
        app.UseMediaAdminWeb();
        return app;
    }
}
