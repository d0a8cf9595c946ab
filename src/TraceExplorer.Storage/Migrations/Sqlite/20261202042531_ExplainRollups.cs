using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExplainRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hours rolled up before explain had its rollups are rolled up again (explain reads their runs meanwhile).
            migrationBuilder.Sql("DELETE FROM rollup_hours;");

            migrationBuilder.CreateTable(
                name: "rollup_decision_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_decision_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_failed_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorType = table.Column<string>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_failed_steps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_decision_runs_Hour",
                table: "rollup_decision_runs",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_failed_steps_Hour",
                table: "rollup_failed_steps",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_failed_steps_RunId",
                table: "rollup_failed_steps",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_decision_runs");

            migrationBuilder.DropTable(
                name: "rollup_failed_steps");
        }
    }
}
