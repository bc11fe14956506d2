using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A domain module for the module tests: the domain <c>echo_module</c>, served by <see cref="TestDomainGrain"/>
/// (its one action <c>echo</c>), with the capability <c>testing</c>. The only public module of this assembly.</summary>
public sealed class EchoModule : DomainModule
{
    public const string Id = "echo_module";

    public override string DomainId => Id;

    public override string Description => "Echoes, for the tests.";

    public override IReadOnlyList<string> Capabilities => ["testing"];

    public override Type WorkerGrain => typeof(TestDomainGrain);

    public override IReadOnlyList<DomainActionInfo> Actions { get; } =
        [new DomainActionInfo("echo", "Echoes its tag and what it saw.", """{"type":"object"}""", true, Version: "2.1.0")];
}
