import { describe, expect, it } from "vitest";
import { attributeValue, columnKey, csvCell, csvLine, splitTags, unescapeCell } from "./contact-csv.ts";

describe("contact CSV cells", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+14155550123", "'+14155550123"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
  ])("writes %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes numbers, booleans and nothing plainly", () => {
    expect(csvLine([1.5, true, null, undefined, "x"])).toBe("1.5,true,,,x");
  });

  it("takes the apostrophe off neutralised formulas only", () => {
    expect(unescapeCell("'=1+1")).toBe("=1+1");
    expect(unescapeCell("'+1415")).toBe("+1415");
    expect(unescapeCell("'quoted'")).toBe("'quoted'");
  });

  it("reads attribute values: numbers, booleans, and codes kept as text", () => {
    expect(attributeValue("1250.5")).toBe(1250.5);
    expect(attributeValue("-3")).toBe(-3);
    expect(attributeValue("02134")).toBe("02134");
    expect(attributeValue("12345678901234567890")).toBe("12345678901234567890");
    expect(attributeValue("true")).toBe(true);
    expect(attributeValue("Denver")).toBe("Denver");
  });

  it("maps headers to known columns, attributes keep their name", () => {
    expect(columnKey("E-mail")).toBe("email");
    expect(columnKey(" First Name ")).toBe("first_name");
    expect(columnKey("TimeZone")).toBe("time_zone");
    expect(columnKey("lifetimeValue")).toBe("lifetimeValue");
    expect(columnKey("favourite trail")).toBe("favourite_trail");
  });

  it("splits tags on ; and |", () => {
    expect(splitTags("a; b|c;;")).toEqual(["a", "b", "c"]);
  });
});
