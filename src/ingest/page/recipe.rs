//! A recipe's ingredients and steps, from the page's JSON-LD `Recipe`
//! (or a guide's steps, from a `HowTo`), added after the text when the
//! text lacks them. Recipe pages set their
//! ingredients in tables and widgets (servings calculators, shopping-list
//! buttons) that Readability cleans away with the furniture around them,
//! and a recipe without its ingredients is of little use.

use std::collections::HashSet;

use serde_json::Value;

use crate::ingest::htmltext::{HtmlText, plain_text};
use crate::model::Block;

/// Below this share of their words found in the text, the ingredients (or
/// the steps) are missing from it.
const MIN_FOUND: f64 = 0.5;

/// Levels of sections (`HowToSection`) read in the steps.
const MAX_DEPTH: usize = 3;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Recipe {
    pub ingredients: Vec<String>,
    pub steps: Vec<String>,
}

impl Recipe {
    /// The first JSON-LD object with ingredients, if any, or else the
    /// first guide (`HowTo`) with steps: a guide is a recipe for a task,
    /// its steps set apart as a recipe's are.
    pub fn from_ld(objects: &[Value]) -> Option<Recipe> {
        let Some(recipe) = objects.iter().find(|v| v.get("recipeIngredient").is_some()) else {
            return Self::guide(objects);
        };
        let mut ingredients = Vec::new();
        texts(recipe.get("recipeIngredient"), &mut ingredients, 0);
        let mut steps = Vec::new();
        texts(recipe.get("recipeInstructions"), &mut steps, 0);
        (!ingredients.is_empty()).then_some(Recipe { ingredients, steps })
    }

    /// The steps of the first `HowTo` object that has any.
    fn guide(objects: &[Value]) -> Option<Recipe> {
        objects
            .iter()
            .filter(|v| is_type(v, "HowTo"))
            .find_map(|guide| {
                let mut steps = Vec::new();
                texts(guide.get("step"), &mut steps, 0);
                (!steps.is_empty()).then(|| Recipe {
                    ingredients: Vec::new(),
                    steps,
                })
            })
    }
}

/// Whether a JSON-LD object's `@type` is `name` or lists it.
fn is_type(object: &Value, name: &str) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// Appends to `body` the ingredients, as a list, and the steps, as a
/// numbered list, when it lacks them.
pub fn add_missing(body: &mut HtmlText, recipe: Option<&Recipe>) {
    let Some(recipe) = recipe else {
        return;
    };
    let found: HashSet<String> = body.paragraphs.iter().flat_map(|p| words(p)).collect();
    let lacks = |items: &[String]| {
        let wanted: Vec<String> = items.iter().flat_map(|i| words(i)).collect();
        let have = wanted.iter().filter(|w| found.contains(*w)).count();
        !wanted.is_empty() && (have as f64) < MIN_FOUND * wanted.len() as f64
    };
    let mut added = Vec::new();
    if lacks(&recipe.ingredients) {
        added.extend(recipe.ingredients.iter().map(|i| item(i, None)));
    }
    if lacks(&recipe.steps) {
        added.extend(recipe.steps.iter().zip(1..).map(|(s, n)| item(s, Some(n))));
    }
    body.append(added);
}

fn item(text: &str, number: Option<u32>) -> Block {
    Block::ListItem {
        ordered: number.is_some(),
        number,
        depth: 0,
        continued: false,
        text: text.to_string(),
        spans: Vec::new(),
    }
}

/// The texts of a string, a list, a step (`text`) or a section of steps
/// (`itemListElement`), in order.
fn texts(value: Option<&Value>, out: &mut Vec<String>, depth: usize) {
    match value {
        Some(Value::String(text)) => {
            out.extend(text.lines().map(plain_text).filter(|line| !line.is_empty()))
        }
        Some(Value::Array(items)) if depth <= MAX_DEPTH => {
            items.iter().for_each(|i| texts(Some(i), out, depth + 1));
        }
        Some(Value::Object(map)) if depth <= MAX_DEPTH => {
            texts(map.get("text"), out, depth + 1);
            texts(map.get("itemListElement"), out, depth + 1);
        }
        _ => {}
    }
}

/// The lowercased words of `text` of three letters or more.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::test_support::body_of;

    fn recipe() -> Recipe {
        let ld: Value = serde_json::from_str(
            r#"{"@type": "Recipe", "name": "Plum cake",
                "recipeIngredient": ["250 g flour", "3 plums", "100 g butter"],
                "recipeInstructions": [
                    {"@type": "HowToSection", "itemListElement": [
                        {"@type": "HowToStep", "text": "Knead the flour with the butter."},
                        {"@type": "HowToStep", "text": "Bake with the plums for an hour."}]}]}"#,
        )
        .unwrap();
        Recipe::from_ld(&[ld]).unwrap()
    }

    #[test]
    fn steps_are_read_from_sections() {
        assert_eq!(recipe().steps.len(), 2);
        assert_eq!(recipe().ingredients[1], "3 plums");
    }

    #[test]
    fn missing_ingredients_and_steps_are_added_as_lists() {
        let mut body = body_of(&["Grandmother's cake, a summer favourite."]);
        add_missing(&mut body, Some(&recipe()));
        assert_eq!(body.paragraphs.len(), 6);
        assert_eq!(body.paragraphs[1], "250 g flour");
        assert!(matches!(
            body.blocks[3],
            Block::ListItem { ordered: false, .. }
        ));
        assert!(matches!(
            body.blocks[5],
            Block::ListItem {
                number: Some(2),
                ..
            }
        ));
    }

    #[test]
    fn a_guides_missing_steps_are_added() {
        let ld: Value = serde_json::from_str(
            r#"{"@type": "HowTo", "name": "Mending a bicycle tyre",
                "step": [
                    {"@type": "HowToStep", "text": "<p>Take the wheel off the frame.</p>"},
                    {"@type": "HowToStep", "text": "Find the hole by pumping the tube."}]}"#,
        )
        .unwrap();
        let guide = Recipe::from_ld(&[ld]);
        let mut body = body_of(&["Sign in", "Premium"]);
        add_missing(&mut body, guide.as_ref());
        assert_eq!(
            body.paragraphs[2..],
            [
                "Take the wheel off the frame.",
                "Find the hole by pumping the tube."
            ]
        );
        // Another type's steps are not a guide's.
        let ld: Value =
            serde_json::from_str(r#"{"@type": "WebPage", "step": ["Take the wheel off."]}"#)
                .unwrap();
        assert_eq!(Recipe::from_ld(&[ld]), None);
    }

    #[test]
    fn a_text_holding_the_recipe_is_left_alone() {
        let text = [
            "250 g | flour",
            "3 | plums",
            "100 g | butter",
            "Knead the flour with the butter.",
            "Bake with the plums for an hour.",
        ];
        let mut body = body_of(&text);
        add_missing(&mut body, Some(&recipe()));
        assert_eq!(body.paragraphs, text);
    }
}
