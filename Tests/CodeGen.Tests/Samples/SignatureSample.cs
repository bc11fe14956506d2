namespace Rayswarm.CodeGen.Tests;

/// <summary>
/// Grain interfaces whose parameters cover the shapes a method signature must name: generic, nested, nested in a
/// generic, arrays of every kind, nullable value types, tuples, <c>dynamic</c>, native integers, the global namespace.
/// </summary>
internal static class SignatureSample
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Rayswarm.Runtime.Abstractions;

        public struct GlobalPoint
        {
            public int X;
        }

        public interface IGlobalGrain : IGrainWithIntegerKey
        {
            Task Ping(GlobalPoint point, GlobalPoint[]? points, Signatures.Color color);
        }

        namespace Signatures
        {
            public enum Color { Red, Green }

            public struct Point
            {
                public int X;
            }

            public sealed class Outer<T>
            {
                public sealed class Inner
                {
                }

                public sealed class Deep<U>
                {
                }
            }

            public static class Holder
            {
                public sealed class Nested
                {
                }

                public interface INestedGrain : IGrainWithStringKey
                {
                    Task Run(Nested nested, Holder.Nested[] all);
                }
            }

            public interface ISignatures : IGrainWithStringKey
            {
                Task Primitives(int a, string? b, bool c, byte d, decimal e, char f, double g, nint h, nuint i, object j, object? k);

                Task Generics(List<string> a, Dictionary<string, int[]> b, IReadOnlyList<string?> c, KeyValuePair<Guid, List<int?>> d);

                Task Nullables(int? a, Point? b, Color? c, DateTime? d, (int, string)? e);

                Task Nested(Outer<int>.Inner a, Outer<string>.Deep<long> b, Holder.Nested c, List<Outer<Point>.Inner> d, Outer<Outer<int>.Inner>.Deep<Color?> e);

                Task Arrays(int[] a, int[,] b, int[][] c, int[,][] d, string?[] e, List<int>[] f, int[,,] g, int?[] h);

                Task<int> Tuples((int, string) a, (int A, string? B) b, (int, int, int, int, int, int, int, int, int) c);

                Task<dynamic> Dynamic(dynamic a, List<dynamic> b, dynamic[] c);

                Task Empty();

                Task Overloaded(int a);

                Task Overloaded(long a);

                Task Grains(ISignatures self, IGrain any);

                Task @class(string @event);
            }

            public interface IDerivedSignatures : ISignatures, Holder.INestedGrain
            {
                new Task Empty();
            }
        }
        """;
}
