namespace MediaAdmin.Web.Hosting;

/// <summary>Builds the console's web application; Program and the integration tests share it.</summary>
public static class MediaAdminWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(MediaAdminWebApp).Assembly.GetName().Name,
        });
        builder.AddMediaAdminWeb();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMediaAdminWeb();
        return app;
    }
}
