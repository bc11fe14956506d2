using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Domain modules: which the configuration enables, the start refused for an unknown name or a broken module,
/// modules found in an assembly, and an enabled module hosted and registered like a built-in domain.</summary>
public sealed class DomainModuleTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void The_switch_and_the_setting_name_the_enabled_modules_in_order_without_repeats()
    {
        Assert.Empty(DomainModuleSelection.EnabledNames(Settings()));
        Assert.Equal(["code", "neural"], DomainModuleSelection.EnabledNames(Settings(("domains", "code, neural,code"))));
        Assert.Equal(["documents"], DomainModuleSelection.EnabledNames(Settings((DomainModuleSelection.EnabledKey, "documents"))));
        Assert.Equal(["code", "documents"], DomainModuleSelection.EnabledNames(Settings(
            (DomainModuleSelection.EnabledKey + ":0", "code"), (DomainModuleSelection.EnabledKey + ":1", "documents"))));
        Assert.Equal(["neural"], DomainModuleSelection.EnabledNames(Settings(("domains", "neural"), (DomainModuleSelection.EnabledKey, "code"))));
    }

    [Fact]
    public void An_unknown_module_name_stops_the_start_with_the_known_ones_listed()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<InvalidOperationException>(() =>
            services.AddDomainModules(Settings(("domains", "echo_module,nope")), [new EchoModule()]));

        Assert.Equal("Unknown domain module 'nope' in --domains (Rayswarm:Domains:Enabled); the known modules are: echo_module.", refused.Message);
    }

    [Fact]
    public void The_modules_of_an_assembly_are_its_public_module_classes()
    {
        var found = DomainModuleSelection.FoundIn(typeof(EchoModule).Assembly);

        Assert.IsType<EchoModule>(Assert.Single(found));
        Assert.Empty(DomainModuleSelection.FoundIn(typeof(object).Assembly));
    }

    [Theory]
    [InlineData("version", "version '1.0' is not a semantic version")]
    [InlineData("deprecated", "is deprecated: say why in Deprecated and start its description with \"Deprecated\"")]
    [InlineData("schema", "its input schema must be a JSON Schema object")]
    [InlineData("twice", "has two actions named 'echo'")]
    [InlineData("worker", "needs a stable [GrainType(\"…\")] name")]
    [InlineData("not-a-grain", "its worker grain (String) must be a grain class implementing IDomainWorkerGrain")]
    [InlineData("none", "has no actions")]
    [InlineData("id", "domain_id")]
    public void A_module_that_breaks_a_rule_is_refused_with_the_rule(string broken, string expected)
    {
        var module = new BrokenModule(broken);

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDomainModule(module));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("Domain module", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deprecated_action_that_says_so_is_accepted()
    {
        var module = new BrokenModule("properly-deprecated");

        var services = new ServiceCollection().AddDomainModule(module);

        Assert.Equal("broken", services.BuildServiceProvider().GetRequiredService<HostedDomainCatalog>().DomainIds.Single(id => id == "broken"));
    }

    [Fact]
    public async Task The_modules_of_a_grain_assembly_are_registered_without_being_named_in_domains()
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-modules-").FullName;
        try
        {
            // What Silo does with --grain-assembly: every module the assembly holds, with no --domains setting.
            await using var silo = await ModuleSilo.StartAsync(folder, new Dictionary<string, string?>(),
                found: DomainModuleSelection.FoundIn(typeof(EchoModule).Assembly));

            await Eventually.True(async () => await silo.Registry.Get(EchoModule.Id) is not null, "echo_module registered");
            Assert.Equal(DomainKinds.Hosted, (await silo.Registry.Get(EchoModule.Id))!.Kind);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_enabled_module_is_registered_as_hosted_with_its_capabilities_and_serves_its_actions()
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-modules-").FullName;
        try
        {
            await using var silo = await ModuleSilo.StartAsync(folder, new Dictionary<string, string?> { ["domains"] = EchoModule.Id });

            await Eventually.True(async () => await silo.Registry.Get(EchoModule.Id) is not null, "echo_module registered");
            var registered = (await silo.Registry.Get(EchoModule.Id))!;
            Assert.Equal((DomainKinds.Hosted, nameof(TestDomainGrain), DomainStatus.Healthy), (registered.Kind, registered.GrainType, registered.Status));
            Assert.Equal(["testing", "echo"], registered.Capabilities);
            Assert.Equal([EchoModule.Id], (await silo.Registry.FindByCapability("testing")).Select(d => d.DomainId));

            var worker = silo.Grains.GetGrain<IDomainWorkerGrain>(GrainId.Create(registered.GrainType!, EchoModule.Id));
            var output = await worker.Execute("echo", System.Text.Json.JsonSerializer.SerializeToElement(new
            {
                data = new { tag = "from-module" }, dependencies = new { }, workflow_id = "wf_module_echo", step_id = "step_1",
            }));
            Assert.Equal((EchoModule.Id, "from-module"), (output.GetProperty("domain").GetString(), output.GetProperty("tag").GetString()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A module that breaks one rule, by name (not public: <see cref="DomainModuleSelection.FoundIn"/> skips it).</summary>
    private sealed class BrokenModule(string broken) : DomainModule
    {
        public override string DomainId => broken == "id" ? "no spaces allowed" : "broken";

        public override string Description => "Broken on purpose.";

        public override Type WorkerGrain => broken switch
        {
            "worker" => typeof(UnnamedWorkerGrain),
            "not-a-grain" => typeof(string),
            _ => typeof(TestDomainGrain),
        };

        public override IReadOnlyList<DomainActionInfo> Actions => broken switch
        {
            "version" => [Echo with { Version = "1.0" }],
            "deprecated" => [Echo with { Deprecated = "use shout" }],
            "properly-deprecated" => [Echo with { Deprecated = "use shout", Description = "Deprecated: use shout. Echoes." }],
            "schema" => [Echo with { InputSchema = """{"type":"string"}""" }],
            "twice" => [Echo, Echo],
            "none" => [],
            _ => [Echo],
        };

        private static DomainActionInfo Echo => new("echo", "Echoes.", """{"type":"object"}""", Compensable: true);
    }
}
